"""DUO's published interface as the gemeente's services share it: its codes and its validation rules.

Source: DUO's M2M README and OpenAPI documents for the inburgeringsketen
(`../shared/reference/duo-m2m-inburgering/`).
"""
