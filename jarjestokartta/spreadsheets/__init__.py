"""Importing a coordinator's list of organisations from a spreadsheet (CSV or XLSX).

The seams, in the order a file goes through them: `reading` turns the bytes into a header and
rows of text, `columns` recognises which column holds which field, `checking` turns each row's
cells into clean values or problems by row and column, `matching` finds the organisations
that already exist and plans what to create and update, and `writing` carries the plan out.
`service` joins them for the management command and the admin page.
"""
