"""The command line's exit codes: 0 all went well, 1 a problem the person can act on (the
message says which), 70 something unexpected (the message says their data was not changed)."""

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_UNEXPECTED = 70
