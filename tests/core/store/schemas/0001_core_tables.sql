-- A KAP Companion database as schema 0001_core_tables left it, with the sample course.
-- Frozen on purpose: tests open it with the current code to prove that upgrades keep
-- every entry. Never regenerate it; add a new file for each new migration.
BEGIN TRANSACTION;
CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);
INSERT INTO "_sqlite_migrations" VALUES(1,'kapcompanion','0001_core_tables','2026-11-25 07:21:45.651889+00:00');
CREATE TABLE answers (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                reflection_id INTEGER NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                prompt_id TEXT NOT NULL,
                prompt_text TEXT NOT NULL,
                text TEXT NOT NULL DEFAULT '',
                skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
                updated_at TEXT NOT NULL,
                UNIQUE (reflection_id, prompt_id)
            );
INSERT INTO "answers" VALUES(1,'597b864a-6093-4517-b06f-68dc13b99f74',1,0,'intention','What would you like to bring into this session? A word or a short sentence is enough.','I''d like to be able to think about the house I grew up in without my whole body bracing. Maybe just to look at it for a moment.',0,'2026-10-14T19:24:00+00:00');
INSERT INTO "answers" VALUES(2,'ab47893d-a24c-446b-9952-25c0a799b326',1,1,'hopes','What are you hoping might shift, even a little?','',1,'2026-10-14T19:28:00+00:00');
INSERT INTO "answers" VALUES(3,'42a6afcd-ad3c-48e5-b62f-b9edc36e45dc',1,2,'worries','Is anything worrying you about the session? You might name it here, so it has somewhere to go.','Losing control. Being sick in front of someone. That I''ll go somewhere in my head and not find my way back, even though my therapist explained how it usually goes.',0,'2026-10-14T19:32:00+00:00');
INSERT INTO "answers" VALUES(4,'d16f68a3-bcb3-4ac5-98ef-cc5c8368e35a',1,3,'feeling-safe','What helps you feel safe and settled?','My own blanket. Knowing the door isn''t locked. Music without words.',0,'2026-10-14T19:36:00+00:00');
INSERT INTO "answers" VALUES(5,'cb7241fe-08ea-4f7a-a537-decec23f76f8',1,4,'body-now','How does your body feel right now, as you think about the session?','',1,'2026-10-14T19:40:00+00:00');
INSERT INTO "answers" VALUES(6,'580636c2-bbf3-485f-aa49-275da4c29384',1,5,'for-your-therapist','Is there anything you would like your therapist to know before you begin?','',1,'2026-10-14T19:44:00+00:00');
INSERT INTO "answers" VALUES(7,'8861f447-01db-49f1-96c9-7b4e048f0657',1,6,'support-after','Who or what can support you after the session?','My sister will pick me up and stay for the evening. I''ve told her I might not want to talk much, and she said that''s fine.',0,'2026-10-14T19:48:00+00:00');
INSERT INTO "answers" VALUES(8,'fe200705-2747-4f71-b720-3463fb09609e',1,7,'kind-words','If part of the session feels hard, what would you like to remember? You might write a few kind words to yourself.','You''re allowed to be scared and still be here.',0,'2026-10-14T19:52:00+00:00');
INSERT INTO "answers" VALUES(9,'341f89ed-5af8-442e-96c4-f4240c806d07',2,0,'how-you-are-now','How are you right now, as you sit down to write?','Tired. Slightly floaty still. Under a blanket on the sofa with tea.',0,'2026-10-18T18:34:00+00:00');
INSERT INTO "answers" VALUES(10,'c59e6a9b-20e5-472c-b898-fbbc38084e25',2,1,'what-stood-out','What stands out from the session? It can be a moment, an image, a feeling or something small.','The feeling of being very big and very small at the same time. And a long corridor I kept walking down.',0,'2026-10-18T18:38:00+00:00');
INSERT INTO "answers" VALUES(11,'5b50a277-5cfa-4716-8384-5d9760e1f8be',2,2,'what-surprised-you','Did anything surprise you?','',1,'2026-10-18T18:42:00+00:00');
INSERT INTO "answers" VALUES(12,'7893e054-b351-4727-b0d5-35985cfab817',2,3,'emotions','Which feelings were there during the session, or are here now?','',1,'2026-10-18T18:46:00+00:00');
INSERT INTO "answers" VALUES(13,'ff3db13e-6b9c-4b28-9f40-4a470e834320',2,4,'body-sensations','What do you notice in your body, then or now?','My jaw. I noticed how tight it was, like I''ve been clenching it for years. At one point it let go and I wanted to cry.',0,'2026-10-18T18:50:00+00:00');
INSERT INTO "answers" VALUES(14,'faa32149-44f0-4476-a7ac-6e2c025d3f4a',2,5,'memories','Did any memories come up? You might describe how they looked or felt this time.','The kitchen at the old house, and the sound of the key in the front door in the evening. But I was watching it from up high, near the ceiling, and it didn''t grab me the way it usually does.',0,'2026-10-18T18:54:00+00:00');
INSERT INTO "answers" VALUES(15,'dccddb69-147b-4528-941d-8f4e65bfeb88',2,6,'self-compassion','Was there a moment when you felt a little kinder towards yourself?','',1,'2026-10-18T18:58:00+00:00');
INSERT INTO "answers" VALUES(16,'392c07e2-bae6-410e-9349-964433a3b25b',2,7,'what-was-difficult','What felt difficult?','',1,'2026-10-18T19:02:00+00:00');
INSERT INTO "answers" VALUES(17,'820a41d6-4e4e-4882-a603-d1883ab17e3d',2,8,'what-helped','What helped, during the session or since?','The music, and my therapist saying "you''re here, you''re safe" when I got frightened.',0,'2026-10-18T19:06:00+00:00');
INSERT INTO "answers" VALUES(18,'69175443-eafe-41ee-a259-08e392c2ff5c',2,9,'words-to-keep','Are there words, images or phrases you would like to keep?','',1,'2026-10-18T19:10:00+00:00');
INSERT INTO "answers" VALUES(19,'073841a7-f6a0-4321-ad08-821c1154a816',3,0,'reading-back','If you like, read back what you wrote yesterday. What do you notice with fresh eyes?','I''m surprised I wrote anything at all. The jaw thing still feels important.',0,'2026-10-19T09:14:00+00:00');
INSERT INTO "answers" VALUES(20,'cd628079-b0e2-45ad-9e06-64e74ce70ae2',3,1,'sleep-and-body','How did you sleep, and how does your body feel today?','Slept ten hours. Heavy head this morning, but it cleared after a shower.',0,'2026-10-19T09:18:00+00:00');
INSERT INTO "answers" VALUES(21,'8787e7d5-df2e-4777-bf20-b6b934508372',3,2,'still-alive','What from the session still feels alive or close today?','The corridor. I don''t know what it means and I don''t need to yet.',0,'2026-10-19T09:22:00+00:00');
INSERT INTO "answers" VALUES(22,'9db62ac7-fc88-4f18-a6cf-fc556ec40b1b',3,3,'memories-new-light','Did a memory look different to you? You might describe what changed in how you see it.','',1,'2026-10-19T09:26:00+00:00');
INSERT INTO "answers" VALUES(23,'7950fc0f-8ba0-4b90-9d67-a30e9d88c0ad',3,4,'anything-unsettled','Is anything still unsettled or heavy? You might name it without needing to solve it.','Some shame about crying in front of my therapist. I know that''s what the room is for, but still.',0,'2026-10-19T09:30:00+00:00');
INSERT INTO "answers" VALUES(24,'c489c50b-b67d-468f-a37b-2d435666da2c',3,5,'what-helped-since','What has helped since the session, even a little?','',1,'2026-10-19T09:34:00+00:00');
INSERT INTO "answers" VALUES(25,'a7e2c0ca-9f28-4eec-a084-34a37818832d',3,6,'carry-into-life','What would you like to carry into your daily life from this session?','',1,'2026-10-19T09:38:00+00:00');
INSERT INTO "answers" VALUES(26,'f2f1241d-4c1b-4d9f-99e9-53da43f8ade2',3,7,'who-can-support','Who could support you this week?','',1,'2026-10-19T09:42:00+00:00');
INSERT INTO "answers" VALUES(27,'1988a7ab-a347-4c72-84a5-942ca27e2bad',3,8,'one-small-step','What is one small step you might try this week?','Notice my jaw a few times a day and let it drop.',0,'2026-10-19T09:46:00+00:00');
INSERT INTO "answers" VALUES(28,'9e052fd5-1529-4e19-82e7-81280f6b674e',4,0,'what-has-stayed','What has stayed with you from the session?','A kind of quiet under everything, on some days. Not all days.',0,'2026-10-25T08:04:00+00:00');
INSERT INTO "answers" VALUES(29,'45dc0e26-5cc2-4c27-a260-f3adba0ff018',4,1,'changes-in-daily-life','Have you noticed anything different in your daily life this week?','I caught myself bracing when the neighbour''s door slammed, and I noticed it while it was happening. That''s new. Before, I''d just be in it.',0,'2026-10-25T08:08:00+00:00');
INSERT INTO "answers" VALUES(30,'5036855d-9777-44ed-88e4-dee2415b7e51',4,2,'small-step','If you chose a small step last week, how did it go?','The jaw check is working better than I expected. The kettle is my reminder now.',0,'2026-10-25T08:12:00+00:00');
INSERT INTO "answers" VALUES(31,'8031a323-5ab4-4527-831a-dcfd7d3bfca4',4,3,'body-this-week','How has your body been this week?','',1,'2026-10-25T08:16:00+00:00');
INSERT INTO "answers" VALUES(32,'5fc07c42-db0c-4b6e-8b20-dc68dd17f925',4,4,'relationships','Have you noticed anything in how you are with other people?','',1,'2026-10-25T08:20:00+00:00');
INSERT INTO "answers" VALUES(33,'112153ed-7eb8-4b37-8d6b-a16e7fdcc93f',4,5,'kindness-to-yourself','Where were you kind to yourself this week, and where was it harder?','',1,'2026-10-25T08:24:00+00:00');
INSERT INTO "answers" VALUES(34,'5f68613d-8ce5-4952-a7ce-b6d105647a38',4,6,'still-difficult','What still feels difficult or unfinished?','',1,'2026-10-25T08:28:00+00:00');
INSERT INTO "answers" VALUES(35,'368e73fe-b8c2-4c3f-9cb8-6bda340df853',4,7,'for-your-therapist','What would you like to bring to your therapist?','I''d like to talk about the shame after crying. And the corridor.',0,'2026-10-25T08:32:00+00:00');
INSERT INTO "answers" VALUES(36,'3a516569-0a68-49ee-8c3a-14a2b668dfc5',4,8,'next-session','Is there anything you would like to carry into your next session?','',1,'2026-10-25T08:36:00+00:00');
INSERT INTO "answers" VALUES(37,'88376c50-e6af-49c7-b15e-d2befd871d30',5,0,'how-you-are-now','How are you right now, as you sit down to write?','',1,'2026-10-25T19:04:00+00:00');
INSERT INTO "answers" VALUES(38,'55cd4abb-1fcc-4f19-a62b-6d168fce1241',5,1,'what-stood-out','What stands out from the session? It can be a moment, an image, a feeling or something small.','I saw myself at about seven, sitting on the stairs, waiting. Just waiting.',0,'2026-10-25T19:08:00+00:00');
INSERT INTO "answers" VALUES(39,'9e78a5dd-191d-4536-bc2c-b7172a6f50e9',5,2,'what-surprised-you','Did anything surprise you?','',1,'2026-10-25T19:12:00+00:00');
INSERT INTO "answers" VALUES(40,'ce500411-6880-406e-91cf-2729bb5a563f',5,3,'emotions','Which feelings were there during the session, or are here now?','Grief, mostly. A lot of it. And under that something like anger, which I''m not used to.',0,'2026-10-25T19:16:00+00:00');
INSERT INTO "answers" VALUES(41,'5da92adc-630e-47fd-9aeb-29f15dbd31c5',5,4,'body-sensations','What do you notice in your body, then or now?','',1,'2026-10-25T19:20:00+00:00');
INSERT INTO "answers" VALUES(42,'114b9936-a204-4887-a548-4f5e585b3071',5,5,'memories','Did any memories come up? You might describe how they looked or felt this time.','The stairs. I''ve always remembered them as the place I hid. This time it looked more like a small girl doing her best to keep herself safe.',0,'2026-10-25T19:24:00+00:00');
INSERT INTO "answers" VALUES(43,'07fc06bb-0528-456d-a374-d3a1dfbfac29',5,6,'self-compassion','Was there a moment when you felt a little kinder towards yourself?','I wanted to sit next to her. I didn''t try to cheer her up, I just sat there with her. That felt like enough.',0,'2026-10-25T19:28:00+00:00');
INSERT INTO "answers" VALUES(44,'b9d9bdc2-a801-4f3a-81fb-a386af291f3b',5,7,'what-was-difficult','What felt difficult?','',1,'2026-10-25T19:32:00+00:00');
INSERT INTO "answers" VALUES(45,'bddadc65-8d7d-4a83-af3d-4d20a9d556fa',5,8,'what-helped','What helped, during the session or since?','',1,'2026-10-25T19:36:00+00:00');
INSERT INTO "answers" VALUES(46,'f7e3d427-b0aa-4db8-aa33-c030831015bc',5,9,'words-to-keep','Are there words, images or phrases you would like to keep?','"She was doing her best."',0,'2026-10-25T19:40:00+00:00');
INSERT INTO "answers" VALUES(47,'ca2aeb84-fd71-4026-9658-777b237527f1',6,0,'reading-back','If you like, read back what you wrote yesterday. What do you notice with fresh eyes?','It still feels true. I''m a bit wary of how tender it is.',0,'2026-10-26T08:49:00+00:00');
INSERT INTO "answers" VALUES(48,'ba3b2ad1-2a83-42af-a1d6-c2484244388f',6,1,'sleep-and-body','How did you sleep, and how does your body feel today?','Woke at four and couldn''t settle. Shoulders sore. Did the breathing pacer for a while and then dozed.',0,'2026-10-26T08:53:00+00:00');
INSERT INTO "answers" VALUES(49,'7cd22bcf-7b71-4a56-880f-df761c5b8653',6,2,'still-alive','What from the session still feels alive or close today?','',1,'2026-10-26T08:57:00+00:00');
INSERT INTO "answers" VALUES(50,'5409a6c0-f96a-460a-a96e-bf78e5c573b7',6,3,'memories-new-light','Did a memory look different to you? You might describe what changed in how you see it.','I used to think I hid because I was a coward. Now I think I was being sensible.',0,'2026-10-26T09:01:00+00:00');
INSERT INTO "answers" VALUES(51,'6a8a5862-da83-4015-8cd9-197ce354616f',6,4,'anything-unsettled','Is anything still unsettled or heavy? You might name it without needing to solve it.','',1,'2026-10-26T09:05:00+00:00');
INSERT INTO "answers" VALUES(52,'392972ab-7afe-423b-838c-4470b55df00e',6,5,'what-helped-since','What has helped since the session, even a little?','',1,'2026-10-26T09:09:00+00:00');
INSERT INTO "answers" VALUES(53,'51fce040-aeda-49ef-a494-6baa9b3b7d9a',6,6,'carry-into-life','What would you like to carry into your daily life from this session?','',1,'2026-10-26T09:13:00+00:00');
INSERT INTO "answers" VALUES(54,'4408ac4c-7e39-4095-a027-1e92a3f678fd',6,7,'who-can-support','Who could support you this week?','My sister. And the Tuesday walking group, even though I don''t say much there.',0,'2026-10-26T09:17:00+00:00');
INSERT INTO "answers" VALUES(55,'21ee21ab-400f-40ea-8bb6-d669a6064f1d',6,8,'one-small-step','What is one small step you might try this week?','Go to the walking group on Tuesday, even if I don''t feel like it.',0,'2026-10-26T09:21:00+00:00');
INSERT INTO "answers" VALUES(56,'0031d453-f9e9-48ec-b62b-4101e96dc2d5',7,0,'what-has-stayed','What has stayed with you from the session?','The stairs come back at odd moments. Mostly they feel softer than they used to.',0,'2026-11-01T08:24:00+00:00');
INSERT INTO "answers" VALUES(57,'2f4ea51c-197e-4486-a2ea-004dac66933c',7,1,'changes-in-daily-life','Have you noticed anything different in your daily life this week?','',1,'2026-11-01T08:28:00+00:00');
INSERT INTO "answers" VALUES(58,'3c0bec75-9e9f-4275-a7f0-64c8f1d289bf',7,2,'small-step','If you chose a small step last week, how did it go?','Went once. Skipped the second week because it was raining and I felt flat. I think I''ll go tomorrow.',0,'2026-11-01T08:32:00+00:00');
INSERT INTO "answers" VALUES(59,'81f6cd28-6b29-40cd-a275-ecfd3d4878f5',7,3,'body-this-week','How has your body been this week?','',1,'2026-11-01T08:36:00+00:00');
INSERT INTO "answers" VALUES(60,'499437b1-d011-436e-9dce-bd7579d6e62f',7,4,'relationships','Have you noticed anything in how you are with other people?','',1,'2026-11-01T08:40:00+00:00');
INSERT INTO "answers" VALUES(61,'e853782f-fff1-4d41-a2c3-c8a4342f2f08',7,5,'kindness-to-yourself','Where were you kind to yourself this week, and where was it harder?','Harder this week. I had a go at myself over a small mistake at work for most of an evening.',0,'2026-11-01T08:44:00+00:00');
INSERT INTO "answers" VALUES(62,'b289856c-7d25-4e5e-8418-d45a40b82c23',7,6,'still-difficult','What still feels difficult or unfinished?','',1,'2026-11-01T08:48:00+00:00');
INSERT INTO "answers" VALUES(63,'1ae19cfc-f6f6-408f-9b57-f60e454a2537',7,7,'for-your-therapist','What would you like to bring to your therapist?','The anger. It''s showing up more and I don''t know what to do with it.',0,'2026-11-01T08:52:00+00:00');
INSERT INTO "answers" VALUES(64,'4ef1fd11-9943-4d40-994c-65db27bc0f1e',7,8,'next-session','Is there anything you would like to carry into your next session?','',1,'2026-11-01T08:56:00+00:00');
INSERT INTO "answers" VALUES(65,'40f32095-e1bc-4fb5-998a-bdaaaa67adf1',8,0,'how-you-are-now','How are you right now, as you sit down to write?','Not great. Shaky and a bit far away. I did the 5-4-3-2-1 before writing this and it helped a little.',0,'2026-11-01T17:49:00+00:00');
INSERT INTO "answers" VALUES(66,'0002e9c1-58d9-495f-a349-d54cf331263f',8,1,'what-stood-out','What stands out from the session? It can be a moment, an image, a feeling or something small.','',1,'2026-11-01T17:53:00+00:00');
INSERT INTO "answers" VALUES(67,'075ad3e8-7234-45df-bb35-d726eb3cf38d',8,2,'what-surprised-you','Did anything surprise you?','',1,'2026-11-01T17:57:00+00:00');
INSERT INTO "answers" VALUES(68,'f9e5321c-59e3-4dd9-b3f6-6776ffad7f9f',8,3,'emotions','Which feelings were there during the session, or are here now?','',1,'2026-11-01T18:01:00+00:00');
INSERT INTO "answers" VALUES(69,'5c46df38-aa94-4e3f-b954-7a75dfd028a1',8,4,'body-sensations','What do you notice in your body, then or now?','Hot face, fists. Then cold all over.',0,'2026-11-01T18:05:00+00:00');
INSERT INTO "answers" VALUES(70,'8fae1f41-e300-4328-a9d8-9dc8ba67d2d4',8,5,'memories','Did any memories come up? You might describe how they looked or felt this time.','',1,'2026-11-01T18:09:00+00:00');
INSERT INTO "answers" VALUES(71,'42abe738-2d56-42a6-9387-d95f90876245',8,6,'self-compassion','Was there a moment when you felt a little kinder towards yourself?','',1,'2026-11-01T18:13:00+00:00');
INSERT INTO "answers" VALUES(72,'50da49c8-b5ae-445e-9122-d2192f413a6b',8,7,'what-was-difficult','What felt difficult?','The anger came, and straight behind it the old fear, the one that says if you get angry something bad will happen. For a while I couldn''t tell which was which.',0,'2026-11-01T18:17:00+00:00');
INSERT INTO "answers" VALUES(73,'2bfbecf3-aac6-4425-825c-b513604fec26',8,8,'what-helped','What helped, during the session or since?','My therapist''s voice. Pressing my feet into the floor. Counting five blue things in the room when I got home.',0,'2026-11-01T18:21:00+00:00');
INSERT INTO "answers" VALUES(74,'61f8fc6e-2f47-45df-bacf-1167ceaed460',8,9,'words-to-keep','Are there words, images or phrases you would like to keep?','Anger is not the same as danger.',0,'2026-11-01T18:25:00+00:00');
INSERT INTO "answers" VALUES(75,'99e9b4d0-4c48-4d3f-804b-a371a01cc667',9,0,'reading-back','If you like, read back what you wrote yesterday. What do you notice with fresh eyes?','Yesterday''s writing looks frightened. Today it looks more like someone who got through something.',0,'2026-11-02T10:04:00+00:00');
INSERT INTO "answers" VALUES(76,'3f717481-bd5b-4824-9b9c-f206b00f41b8',9,1,'sleep-and-body','How did you sleep, and how does your body feel today?','Slept badly, but the far-away feeling has gone. I feel bruised all over, not literally.',0,'2026-11-02T10:08:00+00:00');
INSERT INTO "answers" VALUES(77,'5a7a154f-5d28-41be-87e6-1b5e0da47ef4',9,2,'still-alive','What from the session still feels alive or close today?','The moment I said "no" out loud in the session. I didn''t plan it. It just came out of me.',0,'2026-11-02T10:12:00+00:00');
INSERT INTO "answers" VALUES(78,'f6ef8096-0d58-401f-8bf7-18f2a13ee235',9,3,'memories-new-light','Did a memory look different to you? You might describe what changed in how you see it.','',1,'2026-11-02T10:16:00+00:00');
INSERT INTO "answers" VALUES(79,'40cba8e0-56f7-4c01-b3a9-819e100639f6',9,4,'anything-unsettled','Is anything still unsettled or heavy? You might name it without needing to solve it.','A worry that I''m getting worse, not better. I want to ask about that.',0,'2026-11-02T10:20:00+00:00');
INSERT INTO "answers" VALUES(80,'e3d02272-ae0b-4b15-8798-ee7e9abe43b5',9,5,'what-helped-since','What has helped since the session, even a little?','A bath. Sorting my sock drawer, honestly. Something with edges.',0,'2026-11-02T10:24:00+00:00');
INSERT INTO "answers" VALUES(81,'05f081d1-df8d-4f4d-bc3e-2f1d21900b53',9,6,'carry-into-life','What would you like to carry into your daily life from this session?','',1,'2026-11-02T10:28:00+00:00');
INSERT INTO "answers" VALUES(82,'82dc3342-3363-41f3-945d-2ebe35d2454b',9,7,'who-can-support','Who could support you this week?','',1,'2026-11-02T10:32:00+00:00');
INSERT INTO "answers" VALUES(83,'c4f21d07-f705-4146-b6b8-6a5daecfdbca',9,8,'one-small-step','What is one small step you might try this week?','',1,'2026-11-02T10:36:00+00:00');
INSERT INTO "answers" VALUES(84,'4382df4c-cb91-4071-b7a0-1bb9d4eff146',10,0,'what-has-stayed','What has stayed with you from the session?','The "no". I keep hearing it.',0,'2026-11-08T08:34:00+00:00');
INSERT INTO "answers" VALUES(85,'4bcd12f4-07b5-4b5f-a42d-79f7f0ed260a',10,1,'changes-in-daily-life','Have you noticed anything different in your daily life this week?','I told my manager I couldn''t take on the extra project. My heart was pounding, but I did it.',0,'2026-11-08T08:38:00+00:00');
INSERT INTO "answers" VALUES(86,'bb70d894-6cda-4ba7-b1ea-c09ee5fb152f',10,2,'small-step','If you chose a small step last week, how did it go?','',1,'2026-11-08T08:42:00+00:00');
INSERT INTO "answers" VALUES(87,'294e5fce-b80f-4042-ac63-72ef3da2c7c9',10,3,'body-this-week','How has your body been this week?','',1,'2026-11-08T08:46:00+00:00');
INSERT INTO "answers" VALUES(88,'d357c2d0-a597-4ee3-be0b-eb5e4dde2633',10,4,'relationships','Have you noticed anything in how you are with other people?','Less nodding along with my mother on the phone. I ended one call early, kindly. She was fine about it, which surprised me.',0,'2026-11-08T08:50:00+00:00');
INSERT INTO "answers" VALUES(89,'4f745d6e-6897-48fc-911a-93dc594878d7',10,5,'kindness-to-yourself','Where were you kind to yourself this week, and where was it harder?','',1,'2026-11-08T08:54:00+00:00');
INSERT INTO "answers" VALUES(90,'474a7c71-8087-4e67-9117-12cdcf5fd5e7',10,6,'still-difficult','What still feels difficult or unfinished?','I still get that cold rush when anyone raises their voice.',0,'2026-11-08T08:58:00+00:00');
INSERT INTO "answers" VALUES(91,'1b99194d-a297-4b6b-8836-07115c950db5',10,7,'for-your-therapist','What would you like to bring to your therapist?','Whether feeling worse after the third session is something that happens. And the call with my mother.',0,'2026-11-08T09:02:00+00:00');
INSERT INTO "answers" VALUES(92,'9ee8efcf-bfc5-429e-9f4c-9761c64220ac',10,8,'next-session','Is there anything you would like to carry into your next session?','',1,'2026-11-08T09:06:00+00:00');
INSERT INTO "answers" VALUES(93,'edd857ea-d2e5-4c1e-8822-21256149153b',11,0,'how-you-are-now','How are you right now, as you sit down to write?','',1,'2026-11-08T18:19:00+00:00');
INSERT INTO "answers" VALUES(94,'dc93013d-b04c-4f7e-ab66-0eb6e2f61785',11,1,'what-stood-out','What stands out from the session? It can be a moment, an image, a feeling or something small.','My grandmother, which I didn''t expect at all. Her kitchen, the yellow tablecloth.',0,'2026-11-08T18:23:00+00:00');
INSERT INTO "answers" VALUES(95,'4b67f76a-ecfa-44c4-9ee6-78443cdcc28c',11,2,'what-surprised-you','Did anything surprise you?','That it was a warm memory. I went in braced for the frightening ones and found her instead.',0,'2026-11-08T18:27:00+00:00');
INSERT INTO "answers" VALUES(96,'a80f3f44-ae6f-4ad6-8b65-d51f60ba2375',11,3,'emotions','Which feelings were there during the session, or are here now?','Love. Missing her. Relief that there was someone.',0,'2026-11-08T18:31:00+00:00');
INSERT INTO "answers" VALUES(97,'2bc240d1-09b7-4275-8628-d1579ce0961b',11,4,'body-sensations','What do you notice in your body, then or now?','',1,'2026-11-08T18:35:00+00:00');
INSERT INTO "answers" VALUES(98,'00f20b25-115f-4352-b1f5-2361f0eb8ae4',11,5,'memories','Did any memories come up? You might describe how they looked or felt this time.','She used to call me "mi niña" and rest her hand on my head when she walked past. I''d completely forgotten that.',0,'2026-11-08T18:39:00+00:00');
INSERT INTO "answers" VALUES(99,'113b5d4e-2efc-40b4-aba8-1fdd55e37c99',11,6,'self-compassion','Was there a moment when you felt a little kinder towards yourself?','I put my hand on my own head in the car afterwards. Felt silly. Also didn''t feel silly.',0,'2026-11-08T18:43:00+00:00');
INSERT INTO "answers" VALUES(100,'988e6882-5056-4f46-8634-e168cd73acc2',11,7,'what-was-difficult','What felt difficult?','',1,'2026-11-08T18:47:00+00:00');
INSERT INTO "answers" VALUES(101,'6295b137-604b-45a9-b4ed-66ae8dccfb5f',11,8,'what-helped','What helped, during the session or since?','',1,'2026-11-08T18:51:00+00:00');
INSERT INTO "answers" VALUES(102,'7d822507-8c34-4a2f-8d29-c4cdd9430c80',11,9,'words-to-keep','Are there words, images or phrases you would like to keep?','',1,'2026-11-08T18:55:00+00:00');
INSERT INTO "answers" VALUES(103,'a2b882f0-6c2a-41b5-a5b6-a4298f537ab3',12,0,'reading-back','If you like, read back what you wrote yesterday. What do you notice with fresh eyes?','Still glowing a bit. I want to hold on to it without squeezing it.',0,'2026-11-09T09:34:00+00:00');
INSERT INTO "answers" VALUES(104,'d13a3491-9480-4be6-95ac-1d2a5829e9c1',12,1,'sleep-and-body','How did you sleep, and how does your body feel today?','Slept well for once. Warm hands.',0,'2026-11-09T09:38:00+00:00');
INSERT INTO "answers" VALUES(105,'c1be7592-a4b6-40e1-b6ff-6c94002e072a',12,2,'still-alive','What from the session still feels alive or close today?','The hand on my head. I think I''ll do that when I''m frightened.',0,'2026-11-09T09:42:00+00:00');
INSERT INTO "answers" VALUES(106,'d4d82998-8e50-44b2-9120-94207fd82497',12,3,'memories-new-light','Did a memory look different to you? You might describe what changed in how you see it.','',1,'2026-11-09T09:46:00+00:00');
INSERT INTO "answers" VALUES(107,'a7ea6b7e-6a4f-494a-99a3-b0ebeed8ac53',12,4,'anything-unsettled','Is anything still unsettled or heavy? You might name it without needing to solve it.','',1,'2026-11-09T09:50:00+00:00');
INSERT INTO "answers" VALUES(108,'77f3ee5b-23d5-4922-9db4-a5ccb2a29e71',12,5,'what-helped-since','What has helped since the session, even a little?','',1,'2026-11-09T09:54:00+00:00');
INSERT INTO "answers" VALUES(109,'cc72a184-0252-427d-88c3-c12444f30fdd',12,6,'carry-into-life','What would you like to carry into your daily life from this session?','That someone was glad I existed. I can be a bit like that for myself.',0,'2026-11-09T09:58:00+00:00');
INSERT INTO "answers" VALUES(110,'a7c29619-8759-4abc-98d9-30b0ce05a1ab',12,7,'who-can-support','Who could support you this week?','',1,'2026-11-09T10:02:00+00:00');
INSERT INTO "answers" VALUES(111,'04911d57-d8a8-4a9e-8c78-896f9d7dcf26',12,8,'one-small-step','What is one small step you might try this week?','Cook her rice dish on Sunday and eat it at the table, not on the sofa.',0,'2026-11-09T10:06:00+00:00');
INSERT INTO "answers" VALUES(112,'187379a7-0501-40e5-9c7e-0d92f81a2c7b',13,0,'what-has-stayed','What has stayed with you from the session?','The warmth. It''s quieter now, but it''s there when I look for it.',0,'2026-11-15T08:04:00+00:00');
INSERT INTO "answers" VALUES(113,'b367adcf-82c1-4c64-a1f1-aec108eda5c8',13,1,'changes-in-daily-life','Have you noticed anything different in your daily life this week?','A bit more patient with myself in the mornings. I''ve stopped checking the front door lock three times. Twice, mostly 🙂',0,'2026-11-15T08:08:00+00:00');
INSERT INTO "answers" VALUES(114,'c4fd67ce-e532-4e4b-9eb8-46230c541e8a',13,2,'small-step','If you chose a small step last week, how did it go?','Made the rice. It didn''t taste quite like hers. I ate at the table and had a little cry, and that was okay.',0,'2026-11-15T08:12:00+00:00');
INSERT INTO "answers" VALUES(115,'9162d9a7-0375-400a-a59d-eb0f100ea0a2',13,3,'body-this-week','How has your body been this week?','',1,'2026-11-15T08:16:00+00:00');
INSERT INTO "answers" VALUES(116,'77ffa961-2c99-4f89-a995-80db1563c136',13,4,'relationships','Have you noticed anything in how you are with other people?','',1,'2026-11-15T08:20:00+00:00');
INSERT INTO "answers" VALUES(117,'429b48d8-ac54-4035-a701-94b65c4865b5',13,5,'kindness-to-yourself','Where were you kind to yourself this week, and where was it harder?','',1,'2026-11-15T08:24:00+00:00');
INSERT INTO "answers" VALUES(118,'6bae40b9-4cf6-455d-bced-3602360346e9',13,6,'still-difficult','What still feels difficult or unfinished?','',1,'2026-11-15T08:28:00+00:00');
INSERT INTO "answers" VALUES(119,'e8d7099c-f4be-487c-aeb6-85f0510bab79',13,7,'for-your-therapist','What would you like to bring to your therapist?','Grieving my grandmother seems to be making space for the older grief. I''d like to talk about that.',0,'2026-11-15T08:32:00+00:00');
INSERT INTO "answers" VALUES(120,'877b66bc-b0f0-4b64-a7fe-abc63bd1c769',13,8,'next-session','Is there anything you would like to carry into your next session?','',1,'2026-11-15T08:36:00+00:00');
INSERT INTO "answers" VALUES(121,'3bf29f0f-aa3f-4eff-8355-1aa527e1efcd',14,0,'how-you-are-now','How are you right now, as you sit down to write?','Calm. Hungry. Good hungry.',0,'2026-11-15T19:34:00+00:00');
INSERT INTO "answers" VALUES(122,'d1d5a2de-d437-4dab-89d2-6040ba4455af',14,1,'what-stood-out','What stands out from the session? It can be a moment, an image, a feeling or something small.','Light. Everything was very wide and full of light, and for once I wasn''t waiting for it to go wrong.',0,'2026-11-15T19:38:00+00:00');
INSERT INTO "answers" VALUES(123,'78d7930a-fa74-4911-8498-39548c22ae95',14,2,'what-surprised-you','Did anything surprise you?','That I could let go without anything terrible happening. I didn''t check on myself every few seconds.',0,'2026-11-15T19:42:00+00:00');
INSERT INTO "answers" VALUES(124,'cd8869be-1f6d-4b4f-a600-8fab5b5c8a52',14,3,'emotions','Which feelings were there during the session, or are here now?','',1,'2026-11-15T19:46:00+00:00');
INSERT INTO "answers" VALUES(125,'d3f25285-7416-46ad-82a4-37b3a3b1eacf',14,4,'body-sensations','What do you notice in your body, then or now?','Breathing all the way down. I could feel my belly moving.',0,'2026-11-15T19:50:00+00:00');
INSERT INTO "answers" VALUES(126,'04e19971-b7d6-419a-a375-cd0b2bd46f7f',14,5,'memories','Did any memories come up? You might describe how they looked or felt this time.','',1,'2026-11-15T19:54:00+00:00');
INSERT INTO "answers" VALUES(127,'aee836be-154f-4ce1-a6c6-401bca56825a',14,6,'self-compassion','Was there a moment when you felt a little kinder towards yourself?','',1,'2026-11-15T19:58:00+00:00');
INSERT INTO "answers" VALUES(128,'c9672367-4968-4b28-97d7-83e09666433a',14,7,'what-was-difficult','What felt difficult?','',1,'2026-11-15T20:02:00+00:00');
INSERT INTO "answers" VALUES(129,'ca95f361-b5c9-4b72-92cf-5c2c1279063c',14,8,'what-helped','What helped, during the session or since?','',1,'2026-11-15T20:06:00+00:00');
INSERT INTO "answers" VALUES(130,'eb9741a7-9339-490a-89ec-2e67c5be19f8',14,9,'words-to-keep','Are there words, images or phrases you would like to keep?','"Wide." And: I don''t have to earn rest.',0,'2026-11-15T20:10:00+00:00');
INSERT INTO "answers" VALUES(131,'5e881e9d-165d-477e-aae9-9dc891299322',15,0,'reading-back','If you like, read back what you wrote yesterday. What do you notice with fresh eyes?','Reading "good hungry" made me laugh.',0,'2026-11-16T08:54:00+00:00');
INSERT INTO "answers" VALUES(132,'ad587f6d-e1ff-4b1e-b8bf-3359b962a0fb',15,1,'sleep-and-body','How did you sleep, and how does your body feel today?','Slept well. Legs a bit restless in the evening, otherwise fine.',0,'2026-11-16T08:58:00+00:00');
INSERT INTO "answers" VALUES(133,'29987193-fa98-4d93-a089-2cc3c64f5aa4',15,2,'still-alive','What from the session still feels alive or close today?','',1,'2026-11-16T09:02:00+00:00');
INSERT INTO "answers" VALUES(134,'2c073944-7664-477e-afac-111e503e6aab',15,3,'memories-new-light','Did a memory look different to you? You might describe what changed in how you see it.','The house came up briefly and it was just a house. Rooms, a door, a garden gone wild. Sad, not terrifying.',0,'2026-11-16T09:06:00+00:00');
INSERT INTO "answers" VALUES(135,'d576f743-d8e4-44f5-b089-60a197548bb9',15,4,'anything-unsettled','Is anything still unsettled or heavy? You might name it without needing to solve it.','',1,'2026-11-16T09:10:00+00:00');
INSERT INTO "answers" VALUES(136,'5cdf8c39-2b8a-4694-b70b-e99eb0ae0887',15,5,'what-helped-since','What has helped since the session, even a little?','',1,'2026-11-16T09:14:00+00:00');
INSERT INTO "answers" VALUES(137,'3002e2c7-76fc-48f3-9e49-a2cac6da84ec',15,6,'carry-into-life','What would you like to carry into your daily life from this session?','Rest without earning it. I''d like to try a proper lunch break at work.',0,'2026-11-16T09:18:00+00:00');
INSERT INTO "answers" VALUES(138,'94f791c3-4f59-4f7f-b081-241f7f93ce54',15,7,'who-can-support','Who could support you this week?','My sister, who says she''ll text me at lunchtime to check I''ve left my desk.',0,'2026-11-16T09:22:00+00:00');
INSERT INTO "answers" VALUES(139,'4bec326b-330e-46ec-860c-1cd5f2e818f5',15,8,'one-small-step','What is one small step you might try this week?','',1,'2026-11-16T09:26:00+00:00');
INSERT INTO "answers" VALUES(140,'cf73740e-2745-4841-a786-d51ca59c233d',16,0,'what-has-stayed','What has stayed with you from the session?','',1,'2026-11-22T08:14:00+00:00');
INSERT INTO "answers" VALUES(141,'7f988278-c437-4c0e-a47a-1081b79a2891',16,1,'changes-in-daily-life','Have you noticed anything different in your daily life this week?','',1,'2026-11-22T08:18:00+00:00');
INSERT INTO "answers" VALUES(142,'947005f8-edc5-4ea4-8c94-01a48da2b266',16,2,'small-step','If you chose a small step last week, how did it go?','Honestly, I haven''t started the lunch breaks. Work got busy and I slipped back. I''m noticing that without beating myself up about it, which is its own kind of progress.',0,'2026-11-22T08:22:00+00:00');
INSERT INTO "answers" VALUES(143,'86edbc5b-68fc-40a5-987d-69ea31d3d0ad',16,3,'body-this-week','How has your body been this week?','',1,'2026-11-22T08:26:00+00:00');
INSERT INTO "answers" VALUES(144,'46641052-6eef-4d43-a550-cbbda01d9cb7',16,4,'relationships','Have you noticed anything in how you are with other people?','Had coffee with Zoë from the walking group. Just coffee. It was nice to be with someone who doesn''t know the whole story.',0,'2026-11-22T08:30:00+00:00');
INSERT INTO "answers" VALUES(145,'754d1519-09bc-475e-bf09-0c2399db6a46',16,5,'kindness-to-yourself','Where were you kind to yourself this week, and where was it harder?','',1,'2026-11-22T08:34:00+00:00');
INSERT INTO "answers" VALUES(146,'367aa916-9b49-4272-972e-44536ea136eb',16,6,'still-difficult','What still feels difficult or unfinished?','',1,'2026-11-22T08:38:00+00:00');
INSERT INTO "answers" VALUES(147,'64271960-290d-4bfb-b0d7-c47b673615e0',16,7,'for-your-therapist','What would you like to bring to your therapist?','Worries about what happens when the sessions end.',0,'2026-11-22T08:42:00+00:00');
INSERT INTO "answers" VALUES(148,'263a0c92-b4bd-42be-a8aa-68d15e06a5c7',16,8,'next-session','Is there anything you would like to carry into your next session?','For the last session I''d like to ask myself: what do I want to keep doing after this?',0,'2026-11-22T08:46:00+00:00');
INSERT INTO "answers" VALUES(149,'97b60003-01fc-4915-a4fb-bc85192bd77d',17,0,'how-you-are-now','How are you right now, as you sit down to write?','',1,'2026-11-22T18:04:00+00:00');
INSERT INTO "answers" VALUES(150,'a4f6deea-532c-413f-8c98-5c169b695f86',17,1,'what-stood-out','What stands out from the session? It can be a moment, an image, a feeling or something small.','It was gentle. Like walking back through all the rooms and switching the lights off one by one, and not in a sad way.',0,'2026-11-22T18:08:00+00:00');
INSERT INTO "answers" VALUES(151,'8c75a68d-181c-4cf9-80c2-9167348d6f6f',17,2,'what-surprised-you','Did anything surprise you?','',1,'2026-11-22T18:12:00+00:00');
INSERT INTO "answers" VALUES(152,'6a1d68ea-16fa-44f4-9b14-152f20ec0373',17,3,'emotions','Which feelings were there during the session, or are here now?','Gratitude. Some sadness that it''s ending. A little fear too, but it sat at the edge rather than in the middle.',0,'2026-11-22T18:16:00+00:00');
INSERT INTO "answers" VALUES(153,'ec8f20f6-dea6-4c4f-9865-d6111cca28af',17,4,'body-sensations','What do you notice in your body, then or now?','',1,'2026-11-22T18:20:00+00:00');
INSERT INTO "answers" VALUES(154,'22fb9db6-d451-4364-af26-2b4f7ebba32d',17,5,'memories','Did any memories come up? You might describe how they looked or felt this time.','The stairs again, but she wasn''t waiting anymore. She''d gone off to play.',0,'2026-11-22T18:24:00+00:00');
INSERT INTO "answers" VALUES(155,'54c44bce-d9c2-4397-9f53-e70f4da2136e',17,6,'self-compassion','Was there a moment when you felt a little kinder towards yourself?','',1,'2026-11-22T18:28:00+00:00');
INSERT INTO "answers" VALUES(156,'21f26459-0f27-48d8-8b62-6abefc120037',17,7,'what-was-difficult','What felt difficult?','',1,'2026-11-22T18:32:00+00:00');
INSERT INTO "answers" VALUES(157,'bb9c20a2-cda9-473f-bcda-d13696dafc46',17,8,'what-helped','What helped, during the session or since?','Knowing the integration appointments are booked. The blanket, as always.',0,'2026-11-22T18:36:00+00:00');
INSERT INTO "answers" VALUES(158,'571c16da-438c-4be2-89c5-d52e7e2e18db',17,9,'words-to-keep','Are there words, images or phrases you would like to keep?','',1,'2026-11-22T18:40:00+00:00');
INSERT INTO "answers" VALUES(159,'5f7206d6-fd01-4f58-89a0-e72dd255c9fe',18,0,'reading-back','If you like, read back what you wrote yesterday. What do you notice with fresh eyes?','Still true this morning. The lights going off one by one feels like the right picture.',0,'2026-11-23T09:04:00+00:00');
INSERT INTO "answers" VALUES(160,'d0c08207-360c-4e54-913b-7335c1dee7cc',18,1,'sleep-and-body','How did you sleep, and how does your body feel today?','Slept fine. The headache had gone by the time I got up.',0,'2026-11-23T09:08:00+00:00');
INSERT INTO "answers" VALUES(161,'74e5440d-4502-451e-84ad-ba174405b92b',18,2,'still-alive','What from the session still feels alive or close today?','She''d gone off to play. I keep coming back to that.',0,'2026-11-23T09:12:00+00:00');
INSERT INTO "answers" VALUES(162,'e61e4b69-d795-4be4-8d50-9d6971643883',18,3,'memories-new-light','Did a memory look different to you? You might describe what changed in how you see it.','',1,'2026-11-23T09:16:00+00:00');
INSERT INTO "answers" VALUES(163,'98991442-b3cc-4b5e-b3c8-0ac354a14182',18,4,'anything-unsettled','Is anything still unsettled or heavy? You might name it without needing to solve it.','',1,'2026-11-23T09:20:00+00:00');
INSERT INTO "answers" VALUES(164,'810dfc33-eff1-4955-a228-a8ae255d3277',18,5,'what-helped-since','What has helped since the session, even a little?','',1,'2026-11-23T09:24:00+00:00');
INSERT INTO "answers" VALUES(165,'40b56ee9-c310-45a6-80c8-3f6712108778',18,6,'carry-into-life','What would you like to carry into your daily life from this session?','The jaw check, the walking group, pausing before I say yes. And trying the lunch breaks again, gently.',0,'2026-11-23T09:28:00+00:00');
INSERT INTO "answers" VALUES(166,'ffd9f14e-0bce-47f2-9fcb-09acdec817cd',18,7,'who-can-support','Who could support you this week?','My sister, my therapist at the integration appointments, the walking group. More people than I''d have said six weeks ago.',0,'2026-11-23T09:32:00+00:00');
INSERT INTO "answers" VALUES(167,'e72e5fad-8ed6-4772-b890-88e724c8c7c2',18,8,'one-small-step','What is one small step you might try this week?','',1,'2026-11-23T09:36:00+00:00');
CREATE TABLE commitment_notes (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
                noted_at TEXT NOT NULL,
                text TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            );
CREATE TABLE commitments (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                insight_id INTEGER NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
                text TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'not_started'
                    CHECK (status IN ('not_started', 'trying', 'part_of_life')),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            );
INSERT INTO "commitments" VALUES(1,'b89b62e0-c236-4b6f-8906-3bf550168b6c',3,'Check my jaw whenever I boil the kettle','part_of_life','2026-10-19T09:46:00+00:00','2026-10-19T09:46:00+00:00',NULL);
INSERT INTO "commitments" VALUES(2,'9e13aff5-fce2-496c-9970-268a5ad2dfef',6,'Go to the Tuesday walking group','trying','2026-10-26T09:21:00+00:00','2026-10-26T09:21:00+00:00',NULL);
INSERT INTO "commitments" VALUES(3,'0c0f49da-96e8-467c-b941-890e4a6f5a97',9,'Say "let me get back to you" before agreeing to new requests','trying','2026-11-08T09:06:00+00:00','2026-11-08T09:06:00+00:00',NULL);
INSERT INTO "commitments" VALUES(4,'251ad2f5-19b7-471d-83dc-37460481e183',11,'Cook her rice dish on Sundays and eat it at the table','trying','2026-11-09T10:06:00+00:00','2026-11-09T10:06:00+00:00',NULL);
INSERT INTO "commitments" VALUES(5,'13726e4a-6713-493e-853a-32fd5a9a4f41',12,'Take a proper lunch break away from my desk, three days a week','not_started','2026-11-15T20:10:00+00:00','2026-11-15T20:10:00+00:00',NULL);
CREATE TABLE distress_ratings (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                rated_at TEXT NOT NULL,
                value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
                moment TEXT NOT NULL DEFAULT 'check_in',
                note TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            );
INSERT INTO "distress_ratings" VALUES(1,'69e5be74-8bde-4828-b738-201ce07850a3','2026-11-25T07:21:45+00:00',4,'check_in','Zoë 🌿 مرحبا','2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
CREATE TABLE insight_themes (
                insight_id INTEGER NOT NULL REFERENCES insights (id) ON DELETE CASCADE,
                theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
                PRIMARY KEY (insight_id, theme_id)
            );
INSERT INTO "insight_themes" VALUES(1,1);
INSERT INTO "insight_themes" VALUES(2,6);
INSERT INTO "insight_themes" VALUES(3,6);
INSERT INTO "insight_themes" VALUES(3,7);
INSERT INTO "insight_themes" VALUES(4,9);
INSERT INTO "insight_themes" VALUES(4,7);
INSERT INTO "insight_themes" VALUES(5,9);
INSERT INTO "insight_themes" VALUES(5,3);
INSERT INTO "insight_themes" VALUES(6,15);
INSERT INTO "insight_themes" VALUES(7,4);
INSERT INTO "insight_themes" VALUES(7,1);
INSERT INTO "insight_themes" VALUES(8,11);
INSERT INTO "insight_themes" VALUES(9,11);
INSERT INTO "insight_themes" VALUES(9,8);
INSERT INTO "insight_themes" VALUES(10,9);
INSERT INTO "insight_themes" VALUES(10,15);
INSERT INTO "insight_themes" VALUES(11,7);
INSERT INTO "insight_themes" VALUES(11,2);
INSERT INTO "insight_themes" VALUES(12,7);
INSERT INTO "insight_themes" VALUES(13,5);
INSERT INTO "insight_themes" VALUES(13,14);
INSERT INTO "insight_themes" VALUES(14,15);
CREATE TABLE insights (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                text TEXT NOT NULL,
                reflection_id INTEGER REFERENCES reflections (id) ON DELETE SET NULL,
                session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
                pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
                shareable INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            );
INSERT INTO "insights" VALUES(1,'574c270b-2e5a-49c4-a4c4-6b4e90bea1a5','I can ask for what helps me feel safe.',1,1,0,1,'2026-10-14T19:52:00+00:00','2026-10-14T19:52:00+00:00',NULL);
INSERT INTO "insights" VALUES(2,'cbe5f38c-6475-4902-ac78-fc3d06a2b08c','My body has been holding on for a long time.',2,2,0,0,'2026-10-18T19:10:00+00:00','2026-10-18T19:10:00+00:00',NULL);
INSERT INTO "insights" VALUES(3,'851d3df6-3706-436a-b078-46c230e0a42f','I can notice my jaw and let it soften.',3,2,1,1,'2026-10-19T09:46:00+00:00','2026-10-19T09:46:00+00:00',NULL);
INSERT INTO "insights" VALUES(4,'fa4fc004-9676-4ee1-9300-17ecfcb88292','The child on the stairs was doing her best.',5,3,1,1,'2026-10-25T19:40:00+00:00','2026-10-25T19:40:00+00:00',NULL);
INSERT INTO "insights" VALUES(5,'f4aed192-0571-4c83-95cd-5f8833f9d52e','I wasn''t a coward. I was keeping myself safe.',6,3,0,0,'2026-10-26T09:21:00+00:00','2026-10-26T09:21:00+00:00',NULL);
INSERT INTO "insights" VALUES(6,'1a252fa8-d730-4907-ac9f-138f9f6aa49c','Being with people quietly still counts.',6,3,0,0,'2026-10-26T09:21:00+00:00','2026-10-26T09:21:00+00:00',NULL);
INSERT INTO "insights" VALUES(7,'1c14b613-ea71-413a-855d-510b7f454fd9','Anger is not the same as danger.',8,4,1,1,'2026-11-01T18:25:00+00:00','2026-11-01T18:25:00+00:00',NULL);
INSERT INTO "insights" VALUES(8,'44fdf366-0977-4e29-adcc-8d5a17922303','Saying no out loud is allowed.',9,4,0,0,'2026-11-02T10:36:00+00:00','2026-11-02T10:36:00+00:00',NULL);
INSERT INTO "insights" VALUES(9,'19e48206-f593-4c46-85c1-861869a9bade','I can say no kindly, and people usually cope.',10,4,0,1,'2026-11-08T09:06:00+00:00','2026-11-08T09:06:00+00:00',NULL);
INSERT INTO "insights" VALUES(10,'59ae3d9a-9779-459c-b5c2-bd4fb8bb6307','There was warmth back then too.',11,5,0,0,'2026-11-08T18:55:00+00:00','2026-11-08T18:55:00+00:00',NULL);
INSERT INTO "insights" VALUES(11,'cccfb164-5769-4fd7-a411-69c3b8799d80','I can be glad I exist, the way she was.',12,5,0,0,'2026-11-09T10:06:00+00:00','2026-11-09T10:06:00+00:00',NULL);
INSERT INTO "insights" VALUES(12,'2143794c-a735-4482-8775-82998599a4d9','I don''t have to earn rest.',14,6,1,0,'2026-11-15T20:10:00+00:00','2026-11-15T20:10:00+00:00',NULL);
INSERT INTO "insights" VALUES(13,'ffc1750a-08c6-4820-ab1a-43b721307c95','Fear can come along without doing the driving.',17,7,0,1,'2026-11-22T18:40:00+00:00','2026-11-22T18:40:00+00:00',NULL);
INSERT INTO "insights" VALUES(14,'d6c51996-b1de-4e8c-aa80-c90a22411968','I have more support than I thought.',18,7,0,1,'2026-11-23T09:36:00+00:00','2026-11-23T09:36:00+00:00',NULL);
CREATE TABLE reflection_themes (
                reflection_id INTEGER NOT NULL REFERENCES reflections (id) ON DELETE CASCADE,
                theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
                PRIMARY KEY (reflection_id, theme_id)
            );
INSERT INTO "reflection_themes" VALUES(1,1);
INSERT INTO "reflection_themes" VALUES(1,5);
INSERT INTO "reflection_themes" VALUES(1,12);
INSERT INTO "reflection_themes" VALUES(2,6);
INSERT INTO "reflection_themes" VALUES(2,9);
INSERT INTO "reflection_themes" VALUES(2,5);
INSERT INTO "reflection_themes" VALUES(3,3);
INSERT INTO "reflection_themes" VALUES(3,6);
INSERT INTO "reflection_themes" VALUES(4,6);
INSERT INTO "reflection_themes" VALUES(4,3);
INSERT INTO "reflection_themes" VALUES(5,2);
INSERT INTO "reflection_themes" VALUES(5,9);
INSERT INTO "reflection_themes" VALUES(5,7);
INSERT INTO "reflection_themes" VALUES(6,9);
INSERT INTO "reflection_themes" VALUES(6,3);
INSERT INTO "reflection_themes" VALUES(6,15);
INSERT INTO "reflection_themes" VALUES(7,4);
INSERT INTO "reflection_themes" VALUES(7,7);
INSERT INTO "reflection_themes" VALUES(8,4);
INSERT INTO "reflection_themes" VALUES(8,5);
INSERT INTO "reflection_themes" VALUES(8,6);
INSERT INTO "reflection_themes" VALUES(8,1);
INSERT INTO "reflection_themes" VALUES(9,4);
INSERT INTO "reflection_themes" VALUES(9,11);
INSERT INTO "reflection_themes" VALUES(9,5);
INSERT INTO "reflection_themes" VALUES(10,11);
INSERT INTO "reflection_themes" VALUES(10,8);
INSERT INTO "reflection_themes" VALUES(11,2);
INSERT INTO "reflection_themes" VALUES(11,15);
INSERT INTO "reflection_themes" VALUES(11,9);
INSERT INTO "reflection_themes" VALUES(11,7);
INSERT INTO "reflection_themes" VALUES(12,7);
INSERT INTO "reflection_themes" VALUES(12,2);
INSERT INTO "reflection_themes" VALUES(13,2);
INSERT INTO "reflection_themes" VALUES(13,7);
INSERT INTO "reflection_themes" VALUES(14,14);
INSERT INTO "reflection_themes" VALUES(14,10);
INSERT INTO "reflection_themes" VALUES(14,6);
INSERT INTO "reflection_themes" VALUES(15,9);
INSERT INTO "reflection_themes" VALUES(15,14);
INSERT INTO "reflection_themes" VALUES(15,15);
INSERT INTO "reflection_themes" VALUES(16,15);
INSERT INTO "reflection_themes" VALUES(16,14);
INSERT INTO "reflection_themes" VALUES(16,5);
INSERT INTO "reflection_themes" VALUES(17,14);
INSERT INTO "reflection_themes" VALUES(17,13);
INSERT INTO "reflection_themes" VALUES(17,7);
INSERT INTO "reflection_themes" VALUES(18,15);
INSERT INTO "reflection_themes" VALUES(18,14);
INSERT INTO "reflection_themes" VALUES(18,13);
CREATE TABLE reflections (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
                phase TEXT NOT NULL CHECK (phase IN ('preparation', 'same_day', 'next_day', 'week_after', 'open')),
                prompt_set_id TEXT NOT NULL,
                prompt_set_version INTEGER NOT NULL,
                status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete')),
                distress_start INTEGER CHECK (distress_start BETWEEN 0 AND 10),
                distress_end INTEGER CHECK (distress_end BETWEEN 0 AND 10),
                current_position INTEGER NOT NULL DEFAULT 0,
                shareable INTEGER NOT NULL DEFAULT 0 CHECK (shareable IN (0, 1)),
                started_at TEXT NOT NULL,
                completed_at TEXT,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            );
INSERT INTO "reflections" VALUES(1,'fcdcceae-7b1f-4d2a-a444-2c2df35b35fb',1,'preparation','preparation',1,'complete',6,5,7,0,'2026-10-14T19:20:00+00:00','2026-10-14T19:52:00+00:00','2026-10-14T19:52:00+00:00',NULL);
INSERT INTO "reflections" VALUES(2,'59215aab-9eba-44a1-965c-af0a1375e183',2,'same_day','same_day',1,'complete',6,4,9,0,'2026-10-18T18:30:00+00:00','2026-10-18T19:10:00+00:00','2026-10-18T19:10:00+00:00',NULL);
INSERT INTO "reflections" VALUES(3,'b7c64382-14f5-41c9-bc1e-30f9c602c64b',2,'next_day','next_day',1,'complete',5,4,8,0,'2026-10-19T09:10:00+00:00','2026-10-19T09:46:00+00:00','2026-10-19T09:46:00+00:00',NULL);
INSERT INTO "reflections" VALUES(4,'e5445eca-27ac-4a6a-a414-471ce16b6c39',2,'week_after','week_after',1,'complete',NULL,NULL,8,0,'2026-10-25T08:00:00+00:00','2026-10-25T08:36:00+00:00','2026-10-25T08:36:00+00:00',NULL);
INSERT INTO "reflections" VALUES(5,'a9df4024-f3f2-4573-a0ca-a1389e22672a',3,'same_day','same_day',1,'complete',6,5,9,0,'2026-10-25T19:00:00+00:00','2026-10-25T19:40:00+00:00','2026-10-25T19:40:00+00:00',NULL);
INSERT INTO "reflections" VALUES(6,'f440807d-f973-4890-ad0d-1a4740db3edf',3,'next_day','next_day',1,'complete',5,5,8,0,'2026-10-26T08:45:00+00:00','2026-10-26T09:21:00+00:00','2026-10-26T09:21:00+00:00',NULL);
INSERT INTO "reflections" VALUES(7,'0c61573b-fa97-4428-8c12-87bc27da532c',3,'week_after','week_after',1,'complete',6,5,8,0,'2026-11-01T08:20:00+00:00','2026-11-01T08:56:00+00:00','2026-11-01T08:56:00+00:00',NULL);
INSERT INTO "reflections" VALUES(8,'c2c89dbc-4010-4494-9e32-8563df68fc86',4,'same_day','same_day',1,'complete',8,6,9,0,'2026-11-01T17:45:00+00:00','2026-11-01T18:25:00+00:00','2026-11-01T18:25:00+00:00',NULL);
INSERT INTO "reflections" VALUES(9,'b772e56a-29fb-4c74-b011-be77df960218',4,'next_day','next_day',1,'complete',6,4,8,0,'2026-11-02T10:00:00+00:00','2026-11-02T10:36:00+00:00','2026-11-02T10:36:00+00:00',NULL);
INSERT INTO "reflections" VALUES(10,'6e493a4e-34f0-47f7-9adb-9ff2d3214ae2',4,'week_after','week_after',1,'complete',5,4,8,0,'2026-11-08T08:30:00+00:00','2026-11-08T09:06:00+00:00','2026-11-08T09:06:00+00:00',NULL);
INSERT INTO "reflections" VALUES(11,'7204b1bd-6c78-4f07-96ac-cb07d0e3f6d7',5,'same_day','same_day',1,'complete',5,3,9,0,'2026-11-08T18:15:00+00:00','2026-11-08T18:55:00+00:00','2026-11-08T18:55:00+00:00',NULL);
INSERT INTO "reflections" VALUES(12,'bddd3a1f-71d1-4d4e-8a72-c3bdd8dc8ed0',5,'next_day','next_day',1,'complete',NULL,NULL,8,0,'2026-11-09T09:30:00+00:00','2026-11-09T10:06:00+00:00','2026-11-09T10:06:00+00:00',NULL);
INSERT INTO "reflections" VALUES(13,'fc96507f-3015-4fe9-8e1b-3b801e78abe4',5,'week_after','week_after',1,'complete',4,3,8,0,'2026-11-15T08:00:00+00:00','2026-11-15T08:36:00+00:00','2026-11-15T08:36:00+00:00',NULL);
INSERT INTO "reflections" VALUES(14,'562cba67-5eb7-4edf-8808-729b1a257d6c',6,'same_day','same_day',1,'complete',4,3,9,0,'2026-11-15T19:30:00+00:00','2026-11-15T20:10:00+00:00','2026-11-15T20:10:00+00:00',NULL);
INSERT INTO "reflections" VALUES(15,'862b819a-ff15-408e-8448-6cfe876a4897',6,'next_day','next_day',1,'complete',3,3,8,0,'2026-11-16T08:50:00+00:00','2026-11-16T09:26:00+00:00','2026-11-16T09:26:00+00:00',NULL);
INSERT INTO "reflections" VALUES(16,'07c1ccba-7b44-43e7-a8ca-496a3c112115',6,'week_after','week_after',1,'complete',4,3,8,0,'2026-11-22T08:10:00+00:00','2026-11-22T08:46:00+00:00','2026-11-22T08:46:00+00:00',NULL);
INSERT INTO "reflections" VALUES(17,'dde21c8e-7e52-4add-a4e3-e58a4801b294',7,'same_day','same_day',1,'complete',4,2,9,0,'2026-11-22T18:00:00+00:00','2026-11-22T18:40:00+00:00','2026-11-22T18:40:00+00:00',NULL);
INSERT INTO "reflections" VALUES(18,'810e35a3-acc4-4418-a809-abf22e01a518',7,'next_day','next_day',1,'complete',3,2,8,0,'2026-11-23T09:00:00+00:00','2026-11-23T09:36:00+00:00','2026-11-23T09:36:00+00:00',NULL);
CREATE TABLE sessions (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL DEFAULT 'dosing'
                    CHECK (kind IN ('dosing', 'preparation', 'integration')),
                held_at TEXT NOT NULL,
                number_in_course INTEGER CHECK (number_in_course > 0),
                route TEXT NOT NULL DEFAULT '',
                setting TEXT NOT NULL DEFAULT '',
                intention TEXT NOT NULL DEFAULT '',
                distress_before INTEGER CHECK (distress_before BETWEEN 0 AND 10),
                distress_after INTEGER CHECK (distress_after BETWEEN 0 AND 10),
                after_effects TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(after_effects)),
                after_effects_notes TEXT NOT NULL DEFAULT '',
                notes TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deleted_at TEXT
            );
INSERT INTO "sessions" VALUES(1,'eebd5c44-a982-40da-85bc-9db47cee507c','preparation','2026-10-14T14:00:00+00:00',NULL,'','Clinic room, preparation meeting with my therapist','To get to know the room and plan how I''ll look after myself.',6,5,'[]','','We went through what the day will look like, who is collecting me and what I can bring. Lay down on the couch for a minute just to see how it felt.','2026-10-14T14:00:00+00:00','2026-10-14T14:00:00+00:00',NULL);
INSERT INTO "sessions" VALUES(2,'42868f34-8750-4102-b679-b4ca4ae0a248','dosing','2026-10-18T10:00:00+00:00',1,'intramuscular','Clinic room, eye mask and music, my therapist present','To look at the old house without bracing.',7,5,'["nausea", "disorientation"]','Felt sick when I took the mask off and wobbly walking to the car. Gone by mid-afternoon.','Hard to find words afterwards. My therapist and I sat quietly for a while before my sister came.','2026-10-18T10:00:00+00:00','2026-10-18T10:00:00+00:00',NULL);
INSERT INTO "sessions" VALUES(3,'77348b15-e8f0-4a9b-8074-eb4d1cdad6ce','dosing','2026-10-25T10:00:00+00:00',2,'intramuscular','Clinic room, eye mask, music, my own blanket, my therapist present','To let whatever comes, come, and to stay kind to myself about it.',7,4,'["nausea", "sleep_change"]','Mild nausea, less than last time. Woke very early the next morning.','Brought my blanket from home. It helped more than I thought it would.','2026-10-25T10:00:00+00:00','2026-10-25T10:00:00+00:00',NULL);
INSERT INTO "sessions" VALUES(4,'9a7294f9-aa2f-4003-94c6-db4760ab080d','dosing','2026-11-01T10:30:00+00:00',3,'intramuscular','Clinic room, eye mask and music, my therapist present','To make some room for the anger, carefully.',6,5,'["disorientation", "lingering_dissociation"]','Felt far away from myself for most of the afternoon, like watching through glass. Phoned the clinic as we''d agreed. It had eased by the evening.','The hardest one so far. We stopped for a while in the middle and I held the blanket.','2026-11-01T10:30:00+00:00','2026-11-01T10:30:00+00:00',NULL);
INSERT INTO "sessions" VALUES(5,'1518e68c-0c91-4056-8577-9ab87a90710b','dosing','2026-11-08T10:00:00+00:00',4,'intramuscular','Clinic room, eye mask, music, blanket from home, my therapist present','To meet the fear of raised voices with a bit more curiosity.',7,4,'["nausea", "dizziness"]','Dizzy standing up for the first half hour. Sat down until it passed.','Nervous beforehand because of how the last one went. We agreed a hand signal for "slow down".','2026-11-08T10:00:00+00:00','2026-11-08T10:00:00+00:00',NULL);
INSERT INTO "sessions" VALUES(6,'86faba05-2a06-4c55-b1c3-b490b8a559b7','dosing','2026-11-15T10:00:00+00:00',5,'intramuscular','Clinic room, eye mask and music, my therapist present','To see what my life could look like with a little less bracing.',5,3,'[]','Nothing much. A bit tired in the afternoon.','Felt almost ordinary arriving. Chatted with the receptionist about her dog.','2026-11-15T10:00:00+00:00','2026-11-15T10:00:00+00:00',NULL);
INSERT INTO "sessions" VALUES(7,'e8677d20-63a8-46f2-8b25-ea393f1fd9a5','dosing','2026-11-22T10:00:00+00:00',6,'intramuscular','Clinic room, eye mask, music, my blanket, my therapist present','To say goodbye to this part of the work, and to notice what I''m taking with me.',5,3,'["headache"]','Mild headache in the evening, gone by the next morning.','Last session of this course. Afterwards we talked about the integration appointments that are already booked.','2026-11-22T10:00:00+00:00','2026-11-22T10:00:00+00:00',NULL);
CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL CHECK (json_valid(value)),
                updated_at TEXT NOT NULL
            );
INSERT INTO "settings" VALUES('example','{"on": true}','2026-11-25T07:21:45+00:00');
CREATE TABLE themes (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                colour TEXT NOT NULL,
                builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                archived_at TEXT
            );
INSERT INTO "themes" VALUES(1,'a98f662f-b491-57a2-9b63-d3919fc51f19','safety','Safety','#44AA99',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(2,'9ce7f503-f7a1-54a5-9649-89ec4cd012df','grief','Grief','#332288',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(3,'aa26c56c-19f8-5f9d-8b39-1e3e892985b4','shame','Shame','#882255',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(4,'a5c9cb3e-c2b1-504b-b475-0e96c7b33c7c','anger','Anger','#CC6677',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(5,'7f709e33-43a3-5054-9fe3-a69631f494fb','fear','Fear','#AA4499',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(6,'84ed6da2-3852-589c-b5a3-3d61f9c81799','body','Body','#DDCC77',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(7,'2be894a3-0872-5e4d-9a0f-dbeb2df849d2','self_compassion','Self-compassion','#117733',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(8,'c9b1a305-a3f4-5126-be16-841a88953e41','relationships','Relationships','#88CCEE',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(9,'bb8e5dee-3969-5a0d-9888-2122a9b33248','childhood','Childhood','#999933',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(10,'86bcdf68-11ee-5fcb-8066-3ca184d4cfc3','trust','Trust','#44AA99',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(11,'27ef3005-bc3a-51ac-8121-5910acd31f88','boundaries','Boundaries','#332288',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(12,'d5668062-72dc-50e7-b32e-2ed7ed4c0175','control','Control','#882255',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(13,'4f5a37d0-3e9f-5c71-b382-6e445cd664a1','meaning','Meaning','#DDCC77',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(14,'5d567ddc-05c3-5a66-975b-6b3ee96ac093','hope','Hope','#117733',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(15,'352d5e1d-ec2c-56a4-91ac-fbeff1dc97df','connection','Connection','#88CCEE',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(16,'05f4ec7e-972b-55df-9420-be3b4a05da5f','forgiveness','Forgiveness','#999933',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
INSERT INTO "themes" VALUES(17,'7d5325c4-5eac-5b77-a4b2-43bfc00d2b75','identity','Identity','#AA4499',1,'2026-11-25T07:21:45+00:00','2026-11-25T07:21:45+00:00',NULL);
CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");
CREATE INDEX idx_sessions_held_at ON sessions (held_at);
CREATE INDEX idx_reflections_session ON reflections (session_id);
CREATE INDEX idx_reflections_started_at ON reflections (started_at);
CREATE INDEX idx_insights_reflection ON insights (reflection_id);
CREATE INDEX idx_distress_ratings_rated_at ON distress_ratings (rated_at);
COMMIT;
