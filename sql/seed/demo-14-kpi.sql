-- Demo data of issue 14: the KPI summary tables count the demo requests
-- (demo-13-complaints.sql) as the programs would have, request by
-- request (kpi_rebuild, migration 0018); the periodic reports are
-- written by the stack's tick.
CALL kpi_rebuild();
