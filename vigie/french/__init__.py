"""French language helpers shared by several stages."""
