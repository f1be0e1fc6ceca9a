"""Team rosters from and to spreadsheets: reading, planning, writing, exporting (issue 6)."""
