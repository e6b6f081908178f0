from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.webhooks_api_event_payload import WebhooksApiEventPayload


T = TypeVar("T", bound="WebhooksApiEvent")


@_attrs_define
class WebhooksApiEvent:
    """
    Attributes:
        id (str):
        object_ (Literal['event']):
        type_ (str):
        created_at (str):
        mode (str):
        order_id (None | str):
        payload (WebhooksApiEventPayload):
    """

    id: str
    object_: Literal["event"]
    type_: str
    created_at: str
    mode: str
    order_id: None | str
    payload: WebhooksApiEventPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        object_ = self.object_

        type_ = self.type_

        created_at = self.created_at

        mode = self.mode

        order_id: None | str
        order_id = self.order_id

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "object": object_,
                "type": type_,
                "created_at": created_at,
                "mode": mode,
                "order_id": order_id,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.webhooks_api_event_payload import WebhooksApiEventPayload

        d = dict(src_dict)
        id = d.pop("id")

        object_ = cast(Literal["event"], d.pop("object"))
        if object_ != "event":
            raise ValueError(f"object must match const 'event', got '{object_}'")

        type_ = d.pop("type")

        created_at = d.pop("created_at")

        mode = d.pop("mode")

        def _parse_order_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_id = _parse_order_id(d.pop("order_id"))

        payload = WebhooksApiEventPayload.from_dict(d.pop("payload"))

        webhooks_api_event = cls(
            id=id,
            object_=object_,
            type_=type_,
            created_at=created_at,
            mode=mode,
            order_id=order_id,
            payload=payload,
        )

        webhooks_api_event.additional_properties = d
        return webhooks_api_event

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
