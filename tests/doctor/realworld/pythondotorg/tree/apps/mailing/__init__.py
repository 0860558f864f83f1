"""Mailing app providing reusable email template models and admin."""
