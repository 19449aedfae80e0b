export { CommentsModule } from './comments.module';
export { CommentsService } from './comments.service';
export type { CommentView, CommentPage, CommentResult, DeleteResult, CommentedVideo } from './comments.service';
export { COMMENT_LIMITS, DEFAULT_COMMENT_LIMITS, type CommentLimits } from './comment-limits';
export { COMMENT_MAX_CHARS, cleanCommentBody } from './comment-body';
