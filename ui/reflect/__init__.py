"""Reflect: start or resume a reflection, and the step-by-step reflection wizard."""
