"""Pydantic models of what crosses service boundaries: events and shared resources."""
