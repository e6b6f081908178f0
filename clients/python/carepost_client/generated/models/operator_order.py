from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.timeline_event import TimelineEvent


T = TypeVar("T", bound="OperatorOrder")


@_attrs_define
class OperatorOrder:
    """
    Attributes:
        order_id (str):
        id (int):
        account_id (int):
        dialect (str):
        flow (str):
        mode (str):
        status (str):
        placed_at (None | str):
        updated_at (None | str):
        events (list[TimelineEvent]):
    """

    order_id: str
    id: int
    account_id: int
    dialect: str
    flow: str
    mode: str
    status: str
    placed_at: None | str
    updated_at: None | str
    events: list[TimelineEvent]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        id = self.id

        account_id = self.account_id

        dialect = self.dialect

        flow = self.flow

        mode = self.mode

        status = self.status

        placed_at: None | str
        placed_at = self.placed_at

        updated_at: None | str
        updated_at = self.updated_at

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "order_id": order_id,
                "id": id,
                "account_id": account_id,
                "dialect": dialect,
                "flow": flow,
                "mode": mode,
                "status": status,
                "placed_at": placed_at,
                "updated_at": updated_at,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.timeline_event import TimelineEvent

        d = dict(src_dict)
        order_id = d.pop("order_id")

        id = d.pop("id")

        account_id = d.pop("account_id")

        dialect = d.pop("dialect")

        flow = d.pop("flow")

        mode = d.pop("mode")

        status = d.pop("status")

        def _parse_placed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        placed_at = _parse_placed_at(d.pop("placed_at"))

        def _parse_updated_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = TimelineEvent.from_dict(events_item_data)

            events.append(events_item)

        operator_order = cls(
            order_id=order_id,
            id=id,
            account_id=account_id,
            dialect=dialect,
            flow=flow,
            mode=mode,
            status=status,
            placed_at=placed_at,
            updated_at=updated_at,
            events=events,
        )

        operator_order.additional_properties = d
        return operator_order

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
