"""Intake service: the inburgeraar register and what partners hand over."""
