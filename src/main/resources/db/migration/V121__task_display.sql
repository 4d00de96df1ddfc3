-- What an open user task's form shows (issue #11, target 5: "what forms read and how"). shared.process.TaskForm
-- builds the display values when a task is created (the lot's facts, the lab summary, the customers to call, ...);
-- they were ~20 task-local runtime variables per task, each inserted and deleted again (50 statements per lot
-- release). Now one row per open task, which shared.process.TaskDisplays serves to the forms as form fields
-- (GET /engine-rest/task/{id}/form-variables, what Tasklist's Camunda Forms and embedded forms read). The row goes
-- when its task completes or is deleted. shown: JSON, [{"n": name, "t": type, "v": value}, ...] in display order;
-- type one of String, Boolean, Integer, Long, Double. TEXT: never cut.
CREATE TABLE task_display (
    task_id VARCHAR(64) PRIMARY KEY,
    shown   TEXT        NOT NULL
);
