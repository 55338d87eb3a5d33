"""Clients for the systems the trajectory service talks to."""
