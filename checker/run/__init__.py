"""Running checks over many villages: the one pipeline (`pipeline`) that check and build share, the
results cache, shards for parallel CI, and the findings that compare villages with each other."""
