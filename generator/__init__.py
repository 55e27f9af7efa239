"""Build a career centre's informational-interview guide from its data files."""
