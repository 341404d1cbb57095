"""The standard's file schemas (slip_schema.yaml `files:`): the Cerberus validator, the compiled fast
path that accepts a valid file before Cerberus runs, the field guide that says what to write in a
field, and the JSON Schema export for editors (`slip schemas`)."""
