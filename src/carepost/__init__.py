"""Carepost: four partner order APIs for healthcare supply over one core."""
