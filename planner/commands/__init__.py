"""The sub-commands of ``planner``: each module runs one, given parsed arguments and the data path."""
