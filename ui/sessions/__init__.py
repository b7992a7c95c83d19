"""Sessions: the list of sessions, one session's page and the form to add or edit one."""
