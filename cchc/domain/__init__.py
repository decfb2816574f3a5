"""Pure domain cores: plain Python, no Django (an import-linter contract keeps it so)."""
