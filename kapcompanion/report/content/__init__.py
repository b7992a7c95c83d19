"""What the printout says, as plain data: the client's choices and the content built from
the store. No painting here.
"""
