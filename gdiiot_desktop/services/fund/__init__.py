"""Use cases of the special-fund kind: the workspace, intake, checking, ranking and the 入库 list."""
