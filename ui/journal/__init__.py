"""Journal: every entry on one timeline, with search, filters and the entry's detail."""
