"""Local backing services berth can start as plain processes."""
