"""The machine side: where files live, settings, the staff PIN, logs, temporary files, autosave."""
