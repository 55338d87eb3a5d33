"""Contracts and cross-cutting code shared by the inburgering services.

Holds no ORM models and no rules of the law: those belong to the services.
"""
