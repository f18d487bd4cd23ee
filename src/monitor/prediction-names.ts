/** The names of the model-output columns: a leaf module, so the log's formatting thread loads no model code. */

/** The columns drift adds next to the inputs. */
export const SCORE_COLUMN = "prediction: score";
export const CLASS_COLUMN = "prediction: class";

/** The output column a prediction log may already carry (the model's score or value). */
export const LOGGED_PREDICTION = "prediction";
