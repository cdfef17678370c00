"""Scale-out: vigie's extraction as a Ray Data job."""
