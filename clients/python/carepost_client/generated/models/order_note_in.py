from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderNoteIn")


@_attrs_define
class OrderNoteIn:
    """
    Attributes:
        note (str):
        created_at (Any | Unset):
        created_by (Any | Unset):
    """

    note: str
    created_at: Any | Unset = UNSET
    created_by: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        created_at = self.created_at

        created_by = self.created_by

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        note = d.pop("note")

        created_at = d.pop("createdAt", UNSET)

        created_by = d.pop("createdBy", UNSET)

        order_note_in = cls(
            note=note,
            created_at=created_at,
            created_by=created_by,
        )

        return order_note_in
