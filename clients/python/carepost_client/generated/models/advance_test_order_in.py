from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.advance_test_order_in_action import AdvanceTestOrderInAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="AdvanceTestOrderIn")


@_attrs_define
class AdvanceTestOrderIn:
    """Sandbox only: move a test order one step, as the factory would.

    Attributes:
        action (AdvanceTestOrderInAction):
        note (None | str | Unset):
        carrier (None | str | Unset):
        tracking_number (None | str | Unset):
        shipped_date (datetime.date | None | Unset):
        secret_key (None | str | Unset):
    """

    action: AdvanceTestOrderInAction
    note: None | str | Unset = UNSET
    carrier: None | str | Unset = UNSET
    tracking_number: None | str | Unset = UNSET
    shipped_date: datetime.date | None | Unset = UNSET
    secret_key: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        carrier: None | str | Unset
        if isinstance(self.carrier, Unset):
            carrier = UNSET
        else:
            carrier = self.carrier

        tracking_number: None | str | Unset
        if isinstance(self.tracking_number, Unset):
            tracking_number = UNSET
        else:
            tracking_number = self.tracking_number

        shipped_date: None | str | Unset
        if isinstance(self.shipped_date, Unset):
            shipped_date = UNSET
        elif isinstance(self.shipped_date, datetime.date):
            shipped_date = self.shipped_date.isoformat()
        else:
            shipped_date = self.shipped_date

        secret_key: None | str | Unset
        if isinstance(self.secret_key, Unset):
            secret_key = UNSET
        else:
            secret_key = self.secret_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if tracking_number is not UNSET:
            field_dict["tracking_number"] = tracking_number
        if shipped_date is not UNSET:
            field_dict["shipped_date"] = shipped_date
        if secret_key is not UNSET:
            field_dict["secret_key"] = secret_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = AdvanceTestOrderInAction(d.pop("action"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_carrier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carrier = _parse_carrier(d.pop("carrier", UNSET))

        def _parse_tracking_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tracking_number = _parse_tracking_number(d.pop("tracking_number", UNSET))

        def _parse_shipped_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                shipped_date_type_0 = datetime.date.fromisoformat(data)

                return shipped_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        shipped_date = _parse_shipped_date(d.pop("shipped_date", UNSET))

        def _parse_secret_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret_key = _parse_secret_key(d.pop("secret_key", UNSET))

        advance_test_order_in = cls(
            action=action,
            note=note,
            carrier=carrier,
            tracking_number=tracking_number,
            shipped_date=shipped_date,
            secret_key=secret_key,
        )

        return advance_test_order_in
