"""Path and query parameters shared by the devices endpoints, bounded so no value reaches SQL unchecked."""

from typing import Annotated

from fastapi import Path, Query

from carepost.core.kit.bounds import LARGEST_ID, LARGEST_PAGE
from carepost.core.kit.paging import MAX_PAGE_SIZE

RowId = Annotated[int, Path(ge=1, le=LARGEST_ID)]
IdFilter = Annotated[int | None, Query(ge=1, le=LARGEST_ID)]
PageNumber = Annotated[int, Query(ge=0, le=LARGEST_PAGE, description="Counts from 0.")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"At most {MAX_PAGE_SIZE}.")]
