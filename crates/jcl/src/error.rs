//! What the converter refuses in a job stream, as typed causes. The catalogue
//! (`messages/converter.rs`) renders each as the lines JES prints; nothing here writes a
//! message text.

/// A JCL error: the cause and the 1-based line of the statement it was found on. Its
/// [`Display`](std::fmt::Display) is the converter's message (an `IEFC` line, with racemu's
/// `RCM3nn` hint on a second line where one helps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JclError {
    /// A name field that breaks z/OS's name rules (`IEFC662I`, with `RCM307I`).
    InvalidName {
        /// The statement's line.
        line: usize,
        /// The name as written.
        name: String,
    },
    /// A name field in lower case (`IEFC662I`, with `RCM303I` naming the column).
    LowerCaseName {
        /// The statement's line.
        line: usize,
        /// The column of the first lower-case letter.
        column: usize,
        /// The name as written.
        name: String,
    },
    /// An operation field in lower case (`IEFC605I`, with `RCM303I` naming the column).
    LowerCaseOperation {
        /// The statement's line.
        line: usize,
        /// The column of the first lower-case letter.
        column: usize,
        /// The operation as written.
        operation: String,
    },
    /// A keyword in lower case (`IEFC630I`, with `RCM303I`).
    LowerCaseKeyword {
        /// The statement's line.
        line: usize,
        /// The keyword as written.
        keyword: String,
    },
    /// An operation the converter does not know (`IEFC605I`).
    UnidentifiedOperation {
        /// The statement's line.
        line: usize,
        /// The operation as written.
        operation: String,
    },
    /// An IF condition the grammar cannot use (`IEFC629I`), naming the first token it could
    /// not use, `END OF STATEMENT`, or `IF` for an empty condition.
    IfExpression {
        /// The token named.
        what: String,
    },
    /// A `COND=` value the converter rejects (`IEFC627I`), naming the subparameter that is
    /// wrong or `END OF FIELD`.
    CondField {
        /// The statement's line.
        line: usize,
        /// The subparameter named.
        what: String,
    },
    /// An ELSE with no open IF (`IEFC631I`).
    ElseWithoutIf {
        /// The statement's line.
        line: usize,
    },
    /// An ENDIF with no open IF (`IEFC632I`).
    EndifWithoutIf {
        /// The statement's line.
        line: usize,
    },
    /// The job ended with an IF construct still open (`IEFC633I`).
    IfWithoutEndif,
}

impl std::error::Error for JclError {}

impl JclError {
    /// The job-log lines JES prints for the error, in order.
    pub fn lines(&self) -> Vec<String> {
        self.to_string().lines().map(str::to_string).collect()
    }
}
