"""The journey chart and the side-effect strip as layouts, drawn by ui/ and report/ alike."""
