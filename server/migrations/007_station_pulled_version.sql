-- How far each station has pulled: the version its last complete pull reached, for the lag per
-- station that /metrics reports (the center's version less this). Null until its first pull ends.
ALTER TABLE enrolled_devices ADD COLUMN pulled_version bigint;
