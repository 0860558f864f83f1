"""Passive voice detection module using spaCy NLP."""
