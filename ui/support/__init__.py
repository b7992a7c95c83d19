"""Support: grounding, slow breathing, the safety plan and crisis lines."""
