"""The unlock screen a protected profile opens on, and returns to after an idle lock."""
