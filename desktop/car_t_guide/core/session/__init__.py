"""The family's session: the model, its fields and checks, the file format, the examples."""
