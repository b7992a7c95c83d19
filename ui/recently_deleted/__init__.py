"""Recently deleted: what the client moved away, restorable until it is purged."""
