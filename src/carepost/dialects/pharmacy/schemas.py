"""The pharmacy contract's request bodies. As in DRF, a field the serializer does
not know is ignored, not refused (docs/pharmacy.md)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from carepost.dialects._shared.wire import OneLine


class _Wire(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class TokenIn(_Wire):
    """SimpleJWT's TokenObtainPairSerializer with the e-mail as the username field."""

    email: Annotated[str, Field(min_length=1, max_length=320), OneLine]
    password: Annotated[str, Field(min_length=1, max_length=1024)]
