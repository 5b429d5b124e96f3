"""PDF machinery shared by the exports and the meeting minutes: fonts and page layout (GB/T 9704)."""
