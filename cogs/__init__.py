"""Discord extensions, one per feature; thin adapters over the core in `bot/`."""
