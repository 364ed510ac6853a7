"""The reliability suite (issue 7): kills, damaged files, full disks, markup, sizes, dates."""
