"""The sub-commands of ``planner``: each module runs one from parsed arguments and the data path."""
