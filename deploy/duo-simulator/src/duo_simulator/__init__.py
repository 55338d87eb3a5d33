"""In-memory simulator of DUO's machine-to-machine interface for the Wet inburgering 2021."""
