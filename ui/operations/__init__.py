"""Changes to data the client can undo: QUndoCommands over the store, one base class.
Never imports a screen.
"""
