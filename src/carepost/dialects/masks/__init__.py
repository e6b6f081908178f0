"""Contract 000: the custom-fit CPAP mask partner API (docs/masks.md)."""
