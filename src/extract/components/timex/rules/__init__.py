"""The recognition rules the timex scanner mixes: days, calendar dates and periods, quantities and clock times."""
