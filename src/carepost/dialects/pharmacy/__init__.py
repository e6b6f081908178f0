"""Contract 001: a Mexican online pharmacy's partner API (Django REST Framework and SimpleJWT style)."""
