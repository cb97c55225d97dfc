-- Issue 13, item 11: a kiosk link reopened in another browser still greeted the patient by name.
-- A kiosk session is now bound to the tablet that started it: the tablet holds a device secret in
-- an HttpOnly cookie scoped to the kiosk API, and only its SHA-256 is stored here. Links made
-- before this migration carry none and no longer open (they expired within the hour anyway).
ALTER TABLE kiosk_sessions ADD COLUMN device_hash text;
