"""Scheduler service: the clock of the system; signals from the deadlines other services own."""
